"""Read files into RawDocument: encodings, legacy Vietnamese fonts, readers and cleaning."""
