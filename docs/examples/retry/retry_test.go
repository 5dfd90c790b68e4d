package retry_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gobackend.example/examples/retry"
)

var errUnavailable = errors.New("service unavailable")

func Example() {
	ctx := context.Background()

	// Fails twice, then works: the third attempt succeeds.
	calls := 0
	err := retry.Do(ctx, 5, time.Millisecond, func(context.Context) error {
		calls++
		if calls < 3 {
			return errUnavailable
		}
		return nil
	})
	fmt.Println(calls, err)

	// Never works: the last error comes back, wrapped.
	err = retry.Do(ctx, 3, time.Millisecond, func(context.Context) error {
		return errUnavailable
	})
	fmt.Println(err, errors.Is(err, errUnavailable))

	// The caller's deadline is shorter than the backoff: stop early.
	ctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	err = retry.Do(ctx, 5, time.Second, func(context.Context) error {
		return errUnavailable
	})
	fmt.Println(err)
	// Output:
	// 3 <nil>
	// after 3 attempts: service unavailable true
	// retry stopped: context deadline exceeded (last error: service unavailable)
}
