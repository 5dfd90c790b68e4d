package goroutines_test

import (
	"fmt"

	"gobackend.example/examples/goroutines"
)

func ExampleUpperAll() {
	fmt.Println(goroutines.UpperAll([]string{"go", "for", "backend", "systems"}))
	// Output: [GO FOR BACKEND SYSTEMS]
}
