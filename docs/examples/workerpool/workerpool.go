// Package workerpool shares a stream of jobs among a fixed number of workers.
package workerpool

import (
	"sort"
	"sync"
)

// Result pairs a job with its outcome.
type Result struct {
	Job, Value int
}

// Run squares every job using n workers and returns the results by job.
func Run(jobs []int, n int) []Result {
	in := make(chan int)
	out := make(chan Result)

	// Start n workers; each one takes jobs until the input channel is closed.
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range in {
				out <- Result{Job: job, Value: job * job}
			}
		}()
	}

	// Feed the jobs, then close the output once every worker has finished.
	go func() {
		for _, job := range jobs {
			in <- job
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()

	// Workers finish in any order: collect everything, then sort.
	var results []Result
	for r := range out {
		results = append(results, r)
	}
	sort.Slice(results, func(i, j int) bool { return results[i].Job < results[j].Job })
	return results
}
