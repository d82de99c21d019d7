"""Text to cells: a report's text (pipe rows, Markdown, crawler text) as tokens, tables by label.

``sections`` finds the numbered sections, ``metadata`` the title, body, year and
dates, ``tokens`` cuts a table's text into labels, cells and glued digit runs,
``labels`` recognises printed labels as codes, and ``tables`` reads tables 2, 3
and 4 by their labels. What the print lost is rebuilt by ``parse.infer``.
"""
