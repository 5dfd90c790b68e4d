// Package interfaces shows implicit interfaces and struct embedding.
package interfaces

import (
	"fmt"
	"io"
)

// Notifier is satisfied by any type with a Notify method: no "implements".
type Notifier interface {
	Notify(user, msg string) string
}

// Email and SMS never mention Notifier, yet both satisfy it.
type Email struct{ From string }

func (e Email) Notify(user, msg string) string {
	return fmt.Sprintf("mail from %s to %s: %s", e.From, user, msg)
}

// SMS needs no fields to be a Notifier.
type SMS struct{}

func (SMS) Notify(user, msg string) string { return "sms to " + user + ": " + msg }

// *Counter satisfies io.Writer, so fmt.Fprint can write to it.
type Counter struct{ Bytes int }

func (c *Counter) Write(p []byte) (int, error) {
	c.Bytes += len(p)
	return len(p), nil
}

// Compile-time check that *Counter is an io.Writer.
var _ io.Writer = (*Counter)(nil)

// AuditedEmail embeds Email and Counter: their fields and methods are
// promoted, so AuditedEmail is a Notifier and an io.Writer too.
type AuditedEmail struct {
	Email
	*Counter
}

// Notify shadows the promoted Email.Notify and calls it explicitly.
func (a AuditedEmail) Notify(user, msg string) string {
	out := a.Email.Notify(user, msg)
	fmt.Fprint(a, out) // a.Write is Counter's method, promoted
	return out
}
