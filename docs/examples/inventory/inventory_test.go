// An external test package sees inventory exactly as any importer does.
package inventory_test

import (
	"fmt"

	"gobackend.example/examples/inventory"
)

func Example() {
	store := inventory.New()
	fmt.Println(store.Add("gopher-mug", 3))
	fmt.Println(store.Add("", 1))
	fmt.Println(store.Count("gopher-mug"))

	// Neither line would compile here, because the names are unexported:
	//   store.stock["gopher-mug"] = 100
	//   inventory.validate("gopher-mug", 1)

	// Output:
	// <nil>
	// invalid stock change: sku "", quantity 1
	// 3
}
