// Package paging turns a paged API or query into one stream of rows with an
// iterator, so callers write a plain for-range loop.
package paging

import (
	"context"
	"iter"
)

// Page is one batch of rows and the cursor of the next batch ("" at the end).
type Page[T any] struct {
	Rows []T
	Next string
}

// All yields every row of every page, fetching a page only when the loop
// has used up the one before. If a fetch fails, it yields the error once
// and stops; if the loop breaks, no further page is fetched.
func All[T any](ctx context.Context, fetch func(ctx context.Context, cursor string) (Page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		cursor := ""
		for {
			page, err := fetch(ctx, cursor)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, row := range page.Rows {
				if !yield(row, nil) {
					return // the loop broke out: stop fetching
				}
			}
			if page.Next == "" {
				return
			}
			cursor = page.Next
		}
	}
}
