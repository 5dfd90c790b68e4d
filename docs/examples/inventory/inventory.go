// Package inventory shows Go's visibility rule: a name that starts with an
// upper-case letter is exported; any other name is private to the package.
package inventory

import (
	"fmt"
	"sync"
)

// Store is exported: other packages can declare and use it. It is safe for
// concurrent use, as the handlers of a server need: a map on its own is not.
type Store struct {
	mu    sync.Mutex     // unexported: guards stock
	stock map[string]int // unexported: only this package can touch it
}

// New is the exported constructor, the only way to get a ready Store.
func New() *Store {
	return &Store{stock: make(map[string]int)}
}

// Add increases the stock of sku by n.
func (s *Store) Add(sku string, n int) error {
	if err := validate(sku, n); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stock[sku] += n
	return nil
}

// Count reports how many of sku are in stock.
func (s *Store) Count(sku string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stock[sku]
}

// validate is unexported: an implementation detail free to change.
func validate(sku string, n int) error {
	if sku == "" || n <= 0 {
		return fmt.Errorf("invalid stock change: sku %q, quantity %d", sku, n)
	}
	return nil
}
