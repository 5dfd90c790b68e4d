// Package goroutines starts one goroutine per item and waits for all of them.
package goroutines

import (
	"strings"
	"sync"
)

// UpperAll converts every word concurrently. Each goroutine writes only its
// own slot of the result slice, so no lock is needed and the order is kept.
func UpperAll(words []string) []string {
	results := make([]string, len(words))

	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1) // count the goroutine before starting it
		go func() {
			defer wg.Done() // always signal completion, even on panic
			results[i] = strings.ToUpper(w)
		}()
	}
	wg.Wait() // block until every goroutine has called Done

	return results
}
