package paging_test

import (
	"context"
	"fmt"
	"strconv"

	"gobackend.example/examples/paging"
)

// orders stands in for a table read three rows at a time, as a paged API or
// a keyset-paginated query returns it; the cursor is the next row's offset.
var orders = []string{"A-1", "A-2", "A-3", "B-1", "B-2", "B-3", "C-1"}

func fetchOrders(_ context.Context, cursor string) (paging.Page[string], error) {
	start, _ := strconv.Atoi(cursor) // "" is the first page
	end := min(start+3, len(orders))
	page := paging.Page[string]{Rows: orders[start:end]}
	if end < len(orders) {
		page.Next = strconv.Itoa(end)
	}
	fmt.Println("fetch page at", start)
	return page, nil
}

func ExampleAll() {
	for order, err := range paging.All(context.Background(), fetchOrders) {
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		fmt.Println(order)
		if order == "B-1" {
			break // the rest of the table is never read
		}
	}
	// Output:
	// fetch page at 0
	// A-1
	// A-2
	// A-3
	// fetch page at 3
	// B-1
}
