// Package workerpool shares a stream of jobs among a fixed number of workers.
package workerpool

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
)

// Result pairs a job with its outcome.
type Result struct {
	Job, Value int
}

// Run calls work on every job using n workers and returns the results
// sorted by job. If ctx ends first, it stops handing out jobs, waits for the
// workers to finish the ones they hold, and returns those results with
// ctx's error.
func Run(ctx context.Context, jobs []int, n int, work func(context.Context, int) int) ([]Result, error) {
	if n < 1 {
		return nil, fmt.Errorf("workerpool: %d workers, need at least 1", n)
	}
	in := make(chan int)
	out := make(chan Result)

	// Start n workers; each one takes jobs until the input channel is closed.
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for job := range in {
				out <- Result{Job: job, Value: work(ctx, job)}
			}
		})
	}

	// Feed the jobs until they run out or ctx ends, then close the input.
	go func() {
		defer close(in)
		for _, job := range jobs {
			// When both cases below are ready, select picks one at random:
			// check first, or an ended ctx still hands out jobs.
			if ctx.Err() != nil {
				return
			}
			select {
			case in <- job:
			case <-ctx.Done():
				return
			}
		}
	}()
	// Close the output once every worker has finished.
	go func() {
		wg.Wait()
		close(out)
	}()

	// Workers finish in any order: collect everything, then sort.
	var results []Result
	for r := range out {
		results = append(results, r)
	}
	slices.SortFunc(results, func(a, b Result) int { return cmp.Compare(a.Job, b.Job) })
	if len(results) < len(jobs) {
		return results, ctx.Err()
	}
	return results, nil
}
