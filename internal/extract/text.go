package extract

import "digest/internal/plaintext"

// The text the extractor reads is made by the load stage (package
// plaintext); these names keep the extractor's own.
type (
	Field    = plaintext.Field
	Location = plaintext.Location
	Doc      = plaintext.Doc
)

const (
	FieldTitle   = plaintext.FieldTitle
	FieldSummary = plaintext.FieldSummary
	FieldBody    = plaintext.FieldBody
	blockSep     = plaintext.BlockSep
)

// NewDoc assembles the text of an article from its parts.
func NewDoc(title, summary string, body []byte) *Doc {
	return plaintext.New(title, summary, plaintext.ParseBody(body))
}
