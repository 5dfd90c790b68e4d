package workerpool_test

import (
	"fmt"

	"gobackend.example/examples/workerpool"
)

func ExampleRun() {
	for _, r := range workerpool.Run([]int{1, 2, 3, 4, 5}, 3) {
		fmt.Printf("%d² = %d\n", r.Job, r.Value)
	}
	// Output:
	// 1² = 1
	// 2² = 4
	// 3² = 9
	// 4² = 16
	// 5² = 25
}
