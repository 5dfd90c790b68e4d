package channels_test

import (
	"context"
	"fmt"
	"time"

	"gobackend.example/examples/channels"
)

func fast(context.Context) string { return "fast replica" }

func slow(ctx context.Context) string {
	select {
	case <-time.After(100 * time.Millisecond): // the work
		return "slow replica"
	case <-ctx.Done(): // First has its answer: give up
		return ""
	}
}

func ExampleFirst() {
	ctx := context.Background()
	reply, err := channels.First(ctx, 50*time.Millisecond, slow, fast)
	fmt.Println(reply, err)

	_, err = channels.First(ctx, 10*time.Millisecond, slow)
	fmt.Println(err)
	// Output:
	// fast replica <nil>
	// no replica answered in time
}
