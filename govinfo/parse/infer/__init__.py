"""What the print lost, rebuilt with the standard's identities.

``segment`` lists the ways to cut a glued digit run, ``split`` chooses among
them with the table's identities (``identities``), the narrative's stated
counts (``hints``) and plausible ratios (``plausible``); ``place`` gives loose
values back to the rows that lost them; ``settle`` settles what is still open
with the same body's neighbouring years.
"""
