package workerpool_test

import (
	"context"
	"fmt"

	"gobackend.example/examples/workerpool"
)

func square(_ context.Context, n int) int { return n * n }

func ExampleRun() {
	results, err := workerpool.Run(context.Background(), []int{1, 2, 3, 4, 5}, 3, square)
	for _, r := range results {
		fmt.Printf("%d² = %d\n", r.Job, r.Value)
	}
	fmt.Println(err)
	// Output:
	// 1² = 1
	// 2² = 4
	// 3² = 9
	// 4² = 16
	// 5² = 25
	// <nil>
}
