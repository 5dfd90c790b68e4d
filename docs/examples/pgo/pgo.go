// Package pgo is the workload of the profile-guided optimization walkthrough:
// a hot loop that calls, for every byte, a function too large to inline.
package pgo

// Class sorts a byte of an access log into one of four classes: 0 for a
// letter, 1 for a digit, 2 for white space and 3 for anything else. Its
// switch costs more than the compiler's inlining budget of 80 nodes, so
// without a profile every byte pays for a call.
func Class(b byte) int {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z':
		return 0
	case '0' <= b && b <= '9':
		return 1
	case b == ' ', b == '\t', b == '\n', b == '\r', b == '\v', b == '\f':
		return 2
	case b == '"', b == '\'', b == '[', b == ']', b == '(', b == ')', b == '{', b == '}':
		return 3
	case b == '-', b == '+', b == '/', b == ':', b == '.', b == ',', b == ';', b == '=':
		return 3
	}
	return 3
}

// Histogram counts the bytes of data in each class. It is kept out of line
// so that its callers, the benchmark included, run it as this package
// compiles it: with a profile, Class is inlined into its loop.
//
//go:noinline
func Histogram(data []byte) [4]int {
	var counts [4]int
	for _, b := range data {
		counts[Class(b)]++
	}
	return counts
}
