"""What happens to a notice, for the parts of the app that react to it.

The buyer's and ROPS's actions (`publishing.py`) send these after their transaction commits;
the alerts (`alerts.py`) and the page cache listen. Sent with `sender=Notice` and `notice=`.
"""

from django.dispatch import Signal

notice_published = Signal()  # now visible on the board and open for offers
notice_awarded = Signal()  # an offer won; `offer=` is sent too
notice_cancelled = Signal()
