package paging_test

import (
	"context"
	"errors"
	"testing"

	"gobackend.example/examples/paging"
)

// TestAllRowsAndEmptyPages reads every row, across an empty page in the
// middle, and an empty result.
func TestAllRowsAndEmptyPages(t *testing.T) {
	pages := map[string]paging.Page[int]{
		"":  {Rows: []int{1, 2}, Next: "b"},
		"b": {Rows: nil, Next: "c"},
		"c": {Rows: []int{3}},
	}
	fetch := func(_ context.Context, cursor string) (paging.Page[int], error) { return pages[cursor], nil }
	var got []int
	for n, err := range paging.All(t.Context(), fetch) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, n)
	}
	if len(got) != 3 || got[0] != 1 || got[2] != 3 {
		t.Errorf("got %v, want [1 2 3]", got)
	}
	empty := func(context.Context, string) (paging.Page[int], error) { return paging.Page[int]{}, nil }
	for n := range paging.All(t.Context(), empty) {
		t.Errorf("an empty table yielded %v", n)
	}
}

// TestErrorIsYieldedOnce checks that a failing fetch ends the loop after
// one (zero, err) pair, even if the loop ignores the error and continues.
func TestErrorIsYieldedOnce(t *testing.T) {
	errDown := errors.New("database down")
	calls := 0
	fetch := func(_ context.Context, cursor string) (paging.Page[int], error) {
		calls++
		if cursor == "" {
			return paging.Page[int]{Rows: []int{1}, Next: "2"}, nil
		}
		return paging.Page[int]{}, errDown
	}
	var errs []error
	rows := 0
	for _, err := range paging.All(t.Context(), fetch) {
		if err != nil {
			errs = append(errs, err)
			continue // a careless loop: All must still stop
		}
		rows++
	}
	if rows != 1 || len(errs) != 1 || !errors.Is(errs[0], errDown) || calls != 2 {
		t.Errorf("rows %d, errors %v, fetches %d; want 1 row, the error once, 2 fetches", rows, errs, calls)
	}
}

// TestContextReachesFetch checks that the caller's cancellation reaches the
// query: a cancelled context makes the fetch fail, and the loop sees it.
func TestContextReachesFetch(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	fetch := func(ctx context.Context, _ string) (paging.Page[int], error) {
		return paging.Page[int]{Rows: []int{1}}, ctx.Err()
	}
	for _, err := range paging.All(ctx, fetch) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	}
}
