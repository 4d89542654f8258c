"""The qabot engine: ingest articles into Chroma and answer questions with checked citations."""
