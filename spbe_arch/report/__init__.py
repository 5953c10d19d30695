"""Output: the renderer table of every command (`formats`), the finding, audit and maturity
formats, and the HTML and Markdown report."""
