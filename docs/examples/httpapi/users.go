// Package httpapi is a small JSON API built on the standard library router.
package httpapi

import (
	"encoding/json/v2"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
)

// User is the resource the API serves.
type User struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// server keeps users in memory; a real service would use a database.
type server struct {
	log    *slog.Logger
	mu     sync.Mutex
	users  map[int]User
	lastID int // the highest ID handed out so far
}

// NewServer returns the API's handler with its routes registered. It logs
// through logger, with each request's ID.
func NewServer(logger *slog.Logger) http.Handler {
	s := &server{log: logger, users: map[int]User{1: {ID: 1, Name: "Ada"}}, lastID: 1}

	mux := http.NewServeMux()
	// Go 1.22+ patterns: an HTTP method, a path and {wildcards}.
	mux.HandleFunc("GET /users/{id}", s.getUser)
	mux.HandleFunc("POST /users", s.createUser)
	mux.HandleFunc("DELETE /users/{id}", s.deleteUser)
	return RequestID(logger, mux)
}

func (s *server) getUser(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	u, found := s.users[id]
	s.mu.Unlock()
	if !found {
		http.Error(w, "user not found", http.StatusNotFound)
		return
	}
	s.writeJSON(w, r, http.StatusOK, u)
}

func (s *server) createUser(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20) // refuse bodies over 1 MiB
	var u User
	// encoding/json/v2 reads the whole body: one object, no unknown keys.
	err := json.UnmarshalRead(r.Body, &u, json.RejectUnknownMembers(true))
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if err != nil || u.Name == "" {
		http.Error(w, "body must be a JSON user with a name", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.lastID++ // never len(s.users)+1: after a delete, that ID may be taken
	u.ID = s.lastID
	s.users[u.ID] = u
	s.mu.Unlock()
	// r.Context() carries the request ID, so the log line does too.
	s.log.InfoContext(r.Context(), "user created", "user_id", u.ID)
	s.writeJSON(w, r, http.StatusCreated, u)
}

func (s *server) deleteUser(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	delete(s.users, id)
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// pathID reads the {id} wildcard, or answers 400 and reports false.
func pathID(w http.ResponseWriter, r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		http.Error(w, "id must be a number", http.StatusBadRequest)
		return 0, false
	}
	return id, true
}

// writeJSON sends v with a status. Once the header is written the status
// cannot change, so an encoding error can only be logged, not reported.
func (s *server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.MarshalWrite(w, v); err != nil {
		s.log.ErrorContext(r.Context(), "write response", "error", err)
	}
}
