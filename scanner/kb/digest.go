package kb

import (
	"crypto/sha256"
	"encoding/hex"
)

// EmbeddedSHA256 is the SHA-256 of the embedded vendor data, in hex: the
// knowledge base has no release number of its own, so 'privacyscan version'
// names the data a binary was built with by its digest.
func EmbeddedSHA256() string {
	sum := sha256.Sum256(vendorsYAML)
	return hex.EncodeToString(sum[:])
}
