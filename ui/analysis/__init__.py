"""The analysis workspace: filter forms, paged results table, pyqtgraph chart, Excel export."""
