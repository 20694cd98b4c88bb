"""`notice serve`: the web form in which a contact officer writes a decision, sees its problems as they
type, saves it and downloads its documents. The JSON file stays the record.

- `app.py`: the pages and actions (Starlette, Jinja2 templates in templates/, CSS and JS in static/);
- `security.py`: the one-time token and session cookie, Host and Origin checks, size limit, CSP;
- `form_model.py`: the form drawn from the profile and the schema, and the decision made back from it;
- `finding_fields.py`: which field a finding is shown beside, by its JSON pointer;
- `listing.py`: the folder's decision files, addressed by their place in the list;
- `versions.py`: saving atomically, refusing a conflicting save, keeping every earlier version;
- `preview.py`: Markdown and the documents as HTML, from the project's own Markdown reader;
- `server.py`: running it on the loopback address only.

The web parts are the optional extra `notice-builder[serve]`.
"""
