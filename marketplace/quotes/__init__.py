"""Quote requests for services: one buyer asks one or many PES, each answers, the buyer accepts one."""
