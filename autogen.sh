#!/bin/sh -e
# Generate configure and Makefile.in from configure.ac and Makefile.am.
mkdir -p m4
autoreconf -fi
