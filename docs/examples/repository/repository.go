// Package repository keeps SQL behind a small type that takes a *sql.DB.
// It needs no driver to compile: main imports one (for example a PostgreSQL
// driver) and passes the *sql.DB from sql.Open to NewUsers.
package repository

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotFound tells callers that no row matched.
var ErrNotFound = errors.New("user not found")

// User is one row of the users table.
type User struct {
	ID    int64
	Email string
}

// Users gives access to the users table. *sql.DB is a connection pool,
// safe for concurrent use: create it once and share it.
type Users struct {
	db *sql.DB
}

// NewUsers wraps an open pool.
func NewUsers(db *sql.DB) *Users { return &Users{db: db} }

// ByID loads one user. The id travels as a query argument ($1 for
// PostgreSQL; MySQL drivers use ?), never pasted into the SQL text, so it
// cannot inject SQL.
func (r *Users) ByID(ctx context.Context, id int64) (User, error) {
	var u User
	err := r.db.QueryRowContext(ctx,
		"SELECT id, email FROM users WHERE id = $1", id,
	).Scan(&u.ID, &u.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("load user %d: %w", id, err)
	}
	return u, nil
}
