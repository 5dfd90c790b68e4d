package goroutines_test

import (
	"slices"
	"strings"
	"testing"

	"gobackend.example/examples/goroutines"
)

// TestUpperAllKeepsOrder runs many goroutines at once (use -race) and checks
// every result lands in its own slot.
func TestUpperAllKeepsOrder(t *testing.T) {
	words := make([]string, 1000)
	want := make([]string, len(words))
	for i := range words {
		words[i] = strings.Repeat("a", i%7) + "go"
		want[i] = strings.ToUpper(words[i])
	}
	if got := goroutines.UpperAll(words); !slices.Equal(got, want) {
		t.Errorf("results out of order or wrong")
	}
}

// TestUpperAllEmpty checks that no words start no goroutines and return an
// empty result.
func TestUpperAllEmpty(t *testing.T) {
	if got := goroutines.UpperAll(nil); len(got) != 0 {
		t.Errorf("UpperAll(nil) = %v, want empty", got)
	}
}
