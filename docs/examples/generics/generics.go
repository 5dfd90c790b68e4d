// Package generics defines type-safe helpers that work for many types.
package generics

// Number is a constraint: the type set of everything Sum may add up.
// The ~ admits named types too, such as type Cents int.
type Number interface {
	~int | ~int64 | ~float64
}

// Map applies f to every element, turning a []T into a []U.
func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

// Filter keeps the elements for which keep returns true.
func Filter[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// Sum adds up any slice whose element type is in Number.
func Sum[T Number](s []T) T {
	var total T
	for _, v := range s {
		total += v
	}
	return total
}
