// Package perf compares two ways to build a string; perf_test.go measures them.
package perf

import "strings"

// ConcatPlus uses +=. Strings are immutable, so every step allocates a new
// string and copies everything built so far.
func ConcatPlus(parts []string) string {
	s := ""
	for _, p := range parts {
		s += p
	}
	return s
}

// ConcatBuilder sizes one buffer up front and appends into it.
func ConcatBuilder(parts []string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}
