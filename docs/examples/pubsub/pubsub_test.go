package pubsub_test

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"gobackend.example/examples/pubsub"
)

func Example() {
	bus := pubsub.New()
	ctx := context.Background()

	// Two independent consumers of the same event, each in its own goroutine.
	var wg sync.WaitGroup
	logs := make([][]string, 2)
	for i, name := range []string{"email", "analytics"} {
		events := bus.Subscribe("order.created")
		wg.Go(func() {
			for order := range events {
				logs[i] = append(logs[i], name+" handled "+order)
			}
		})
	}

	bus.Publish(ctx, "order.created", "order-1")
	bus.Publish(ctx, "order.created", "order-2")
	bus.Publish(ctx, "order.shipped", "order-1") // no subscribers: dropped
	bus.Close()
	wg.Wait()

	for _, log := range logs {
		fmt.Println(strings.Join(log, ", "))
	}
	// Output:
	// email handled order-1, email handled order-2
	// analytics handled order-1, analytics handled order-2
}
