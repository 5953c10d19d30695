"""Output: finding renderers, HTML and Markdown reports."""
