package retry_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gobackend.example/examples/retry"
)

var (
	errUnavailable = errors.New("service unavailable")
	errBadRequest  = errors.New("bad request")
)

func Example() {
	ctx := context.Background()
	p := retry.Policy{Attempts: 5, Wait: time.Millisecond, MaxWait: 10 * time.Millisecond}

	// Fails twice, then works: the third attempt succeeds.
	calls := 0
	err := p.Do(ctx, func(context.Context) error {
		calls++
		if calls < 3 {
			return errUnavailable
		}
		return nil
	})
	fmt.Println(calls, err)

	// Never works: the last error comes back, wrapped.
	err = p.Do(ctx, func(context.Context) error { return errUnavailable })
	fmt.Println(err, errors.Is(err, errUnavailable))

	// A permanent error is returned after the first call.
	calls = 0
	err = p.Do(ctx, func(context.Context) error {
		calls++
		return retry.Permanent(errBadRequest)
	})
	fmt.Println(calls, err, errors.Is(err, errBadRequest))

	// The caller's deadline is shorter than the backoff: stop early.
	ctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	slow := retry.Policy{Attempts: 5, Wait: time.Second, MaxWait: time.Minute}
	err = slow.Do(ctx, func(context.Context) error { return errUnavailable })
	fmt.Println(err)
	// Output:
	// 3 <nil>
	// after 5 attempts: service unavailable true
	// 1 bad request true
	// retry stopped: context deadline exceeded (last error: service unavailable)
}
