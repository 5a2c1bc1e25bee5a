"""Quote requests for services: a buyer asks one or many PES, each answers, one is accepted."""
