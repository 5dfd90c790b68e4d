package cancellation_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gobackend.example/examples/cancellation"
)

func ExampleReport() {
	// A deadline: the work needs a second, the caller allows 20 ms.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel() // always release the context's resources

	_, err := cancellation.Report(ctx, time.Second)
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))

	// An explicit cancellation, for example because the client went away.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	_, err = cancellation.Report(ctx, time.Second)
	fmt.Println(err)

	// Enough time: the work completes.
	report, err := cancellation.Report(context.Background(), time.Millisecond)
	fmt.Println(report, err)
	// Output:
	// report abandoned: context deadline exceeded
	// true
	// report abandoned: context canceled
	// report ready <nil>
}
