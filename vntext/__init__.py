"""Vietnamese text: accents, syllables, stopwords, abbreviations, sentences, quantities."""
