"""The Word-format layer: the .docx package (reading safely, writing reproducibly and atomically), the
one namespace table, element walking, styles and numbering, and the adapter over python-docx's and
docxtpl's private members. Every other module reaches WordprocessingML only through it.
"""
