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
		// Go (Go 1.25 and later) counts the goroutine before starting it and
		// marks it done when the function returns: older code writes
		// wg.Add(1) before the go statement and defer wg.Done() inside it.
		wg.Go(func() {
			results[i] = strings.ToUpper(w)
		})
	}
	wg.Wait() // block until every goroutine has finished

	return results
}
