package generics_test

import (
	"fmt"
	"strings"

	"gobackend.example/examples/generics"
)

type Cents int

func Example() {
	// A composite literal: the inner element type []int is implied.
	matrix := [][]int{{1, 2}, {3, 4}, {5, 6}}

	rowSums := generics.Map(matrix, generics.Sum[int]) // T and U are inferred
	fmt.Println(rowSums)

	big := generics.Filter(rowSums, func(n int) bool { return n > 5 })
	fmt.Println(big)

	names := generics.Map([]string{"ada", "grace"}, strings.ToUpper)
	fmt.Println(names)

	fmt.Println(generics.Sum([]Cents{199, 250}))    // a named type, thanks to ~int
	fmt.Println(generics.Sum([]float64{0.5, 1.25})) // a different instantiation
	// Output:
	// [3 7 11]
	// [7 11]
	// [ADA GRACE]
	// 449
	// 1.75
}
