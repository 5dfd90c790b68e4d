package templates_test

import (
	"os"

	"gobackend.example/examples/templates"
)

func ExampleRender() {
	order := templates.Order{
		Name: "Ada",
		Items: []templates.Item{
			{Product: "keyboard", Quantity: 1},
			{Product: "cable", Quantity: 2},
		},
	}
	if err := templates.Render(os.Stdout, order); err != nil {
		panic(err)
	}
	if err := templates.Render(os.Stdout, templates.Order{Name: "Grace"}); err != nil {
		panic(err)
	}
	// Output:
	// Order for Ada
	// - 1 x keyboard
	// - 2 x cable
	// Order for Grace
	// (no items)
}
