package perf_test

import (
	"fmt"
	"strings"
	"testing"

	"gobackend.example/examples/perf"
)

var parts = strings.Split(strings.Repeat("log line,", 1000), ",")

func ExampleConcatBuilder() {
	fmt.Println(perf.ConcatBuilder([]string{"go", "pher"}))
	// Output: gopher
}

// Run with: go test -bench=. -benchmem ./perf
func BenchmarkConcatPlus(b *testing.B) {
	for b.Loop() {
		perf.ConcatPlus(parts)
	}
}

func BenchmarkConcatBuilder(b *testing.B) {
	for b.Loop() {
		perf.ConcatBuilder(parts)
	}
}

// TestSameResult guards the benchmark: both versions must agree.
func TestSameResult(t *testing.T) {
	if perf.ConcatPlus(parts) != perf.ConcatBuilder(parts) {
		t.Fatal("ConcatPlus and ConcatBuilder differ")
	}
}
