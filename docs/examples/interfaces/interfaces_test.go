package interfaces_test

import (
	"fmt"

	"gobackend.example/examples/interfaces"
)

func Example() {
	audit := interfaces.AuditedEmail{
		Email:   interfaces.Email{From: "ops@example.com"},
		Counter: &interfaces.Counter{},
	}
	notifiers := []interfaces.Notifier{interfaces.SMS{}, audit}
	for _, n := range notifiers {
		fmt.Println(n.Notify("ada", "deploy finished"))
	}
	fmt.Println("audited bytes:", audit.Bytes) // promoted field of *Counter
	// Output:
	// sms to ada: deploy finished
	// mail from ops@example.com to ada: deploy finished
	// audited bytes: 49
}
