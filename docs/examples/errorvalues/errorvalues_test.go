package errorvalues_test

import (
	"errors"
	"fmt"

	"gobackend.example/examples/errorvalues"
)

func ExampleEmail() {
	for _, id := range []int{1, 7, -1} {
		email, err := errorvalues.Email(id)

		var invalid *errorvalues.ValidationError
		switch {
		case err == nil:
			fmt.Println("found:", email)
		case errors.Is(err, errorvalues.ErrNotFound): // matches through wrapping
			fmt.Println("missing:", err)
		case errors.As(err, &invalid): // extracts the typed error
			fmt.Println("bad input in field", invalid.Field)
		default:
			fmt.Println("unexpected:", err)
		}
	}
	// Output:
	// found: ada@example.com
	// missing: email of user 7: not found
	// bad input in field id
}
