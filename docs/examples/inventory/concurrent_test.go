package inventory_test

import (
	"sync"
	"testing"

	"gobackend.example/examples/inventory"
)

// TestConcurrentAdds adds from many goroutines at once, as the handlers of a
// server do: with -race, an unguarded map fails here, and every unit must
// be counted.
func TestConcurrentAdds(t *testing.T) {
	store := inventory.New()
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			store.Add("gopher-mug", 1)
			store.Count("gopher-mug")
		})
	}
	wg.Wait()
	if n := store.Count("gopher-mug"); n != 50 {
		t.Errorf("Count = %d after 50 concurrent adds, want 50", n)
	}
}
