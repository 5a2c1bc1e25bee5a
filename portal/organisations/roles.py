"""Names of the editorial roles; the groups themselves are created by a migration."""

ROPS_MODERATORS = "Moderatorzy ROPS"
OWES_EDITORS = "Redaktorzy OWES"
PES_STAFF = "Pracownicy PES"
RKRES_MEMBERS = "Członkowie RKRES"
