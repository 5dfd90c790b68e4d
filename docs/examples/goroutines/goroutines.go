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
	// Since Go 1.22 (go.mod's go line says which rules apply), each
	// iteration has its own i and w. Before, all iterations shared one pair,
	// and the goroutines raced to read it as the loop moved on.
	for i, w := range words {
		// WaitGroup.Go (Go 1.25) counts the goroutine before starting it and
		// marks it done when the function returns: older code writes
		// wg.Add(1) before the go statement and defer wg.Done() inside it.
		wg.Go(func() {
			results[i] = strings.ToUpper(w)
		})
	}
	wg.Wait() // block until every goroutine has finished

	return results
}
