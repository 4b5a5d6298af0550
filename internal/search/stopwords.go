package search

// stopWords are the folded function words of French and English, after
// Snowball's lists: they are in nearly every article and in thousands of
// entities' names ("Ministère de l'Intérieur"), so indexing them would
// make their shards the largest of the index (about 1 MB for "de" at
// 50,000 articles) for no gain: the search page's script leaves them out
// of a query's required words, and still ranks names by the whole query.
var stopWords = []string{
	// French
	"a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle", "elles",
	"en", "est", "et", "eux", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma",
	"mais", "me", "meme", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas",
	"pour", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sont", "sur", "t", "ta", "te", "tes", "toi",
	"ton", "tu", "un", "une", "vos", "votre", "vous", "y",
	// English
	"an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
	"her", "his", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "that", "the", "their",
	"them", "they", "this", "to", "was", "we", "were", "which", "who", "will", "with",
}

var isStopWord = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()
