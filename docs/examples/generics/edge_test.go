package generics_test

import (
	"testing"

	"gobackend.example/examples/generics"
)

// TestEmptyInput checks the helpers on nil slices: no panic, nothing out,
// and the zero value as the sum.
func TestEmptyInput(t *testing.T) {
	double := func(n int) int { return 2 * n }
	if got := generics.Map(nil, double); len(got) != 0 {
		t.Errorf("Map(nil) = %v, want empty", got)
	}
	if got := generics.Filter([]int{1, 2}, func(int) bool { return false }); len(got) != 0 {
		t.Errorf("Filter keeping nothing = %v, want empty", got)
	}
	if got := generics.Sum[float64](nil); got != 0 {
		t.Errorf("Sum(nil) = %v, want 0", got)
	}
}
