# secnb: the two commands of the README, and the ones maintainers need.
#   make lab        set up .venv (if needed) and open the course in JupyterLab
#   make test       set up .venv (if needed) and run every test
#   make notebooks  re-execute every notebook in place (fresh kernel each, top to bottom)
#   make site       build the course website from the committed notebooks into _build/site (offline)
#   make hub-smoke  a throw-away local JupyterHub: 5 learners pull the course and run notebook 01
#   make bench      measure load time, notebook run time, widget latency and sizes against their floors
# Every install uses the exact pins in binder/requirements.txt (what Binder installs) and
# tests/constraints.txt (what only the tests and the instructor tools need), so outputs match everywhere.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.secnb-installed
PINS   := -c binder/requirements.txt -c tests/constraints.txt
NBVAL  := --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-current-env
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: lab test notebooks validate setup bench clean bytecode site hub-setup hub-smoke

setup: $(STAMP)

$(STAMP): pyproject.toml binder/requirements.txt tests/constraints.txt binder/overrides.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(PINS) -e ".[lab,test,instructor,site,hub]"
	# keyboard shortcuts that let a focused slider have the arrow keys in the Notebook interface too
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements" >/dev/null 2>&1
	# nbgrader (the instructor extra) stays installed for the solutions edition, but its menus stay
	# out of the learners' way; INSTRUCTORS.md says how to switch them on
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyter/nbgrader" >/dev/null 2>&1
	for ext in formgrader validate_assignment assignment_list course_list; do \
	  $(BIN)/jupyter server extension disable --sys-prefix nbgrader.server_extensions.$$ext >/dev/null 2>&1; done
	touch $(STAMP)

# Compile secnb's modules to bytecode (only those changed since): pip does this for every package it
# installs, but not for an editable one, and where PYTHONDONTWRITEBYTECODE is set (as on CI) Python
# never writes it, so every kernel compiled secnb afresh (~0.1 s of each notebook's run).
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q secnb

# JupyterLab refuses to run as root (as in many containers) unless told it may
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: bytecode
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

validate: $(STAMP)
	$(BIN)/python -m secnb validate

# configurable-http-proxy for the local hub, from npm, into the virtual environment
CHP_VERSION := 5.3.0
CHP := $(VENV)/hub/node_modules/.bin/configurable-http-proxy
$(CHP): | $(STAMP)
	npm install --silent --no-audit --no-fund --prefix $(VENV)/hub configurable-http-proxy@$(CHP_VERSION)
hub-setup: $(CHP)

hub-smoke: bytecode hub-setup
	$(BIN)/python bench/hub.py --learners 5 --notebooks 01

test: bytecode hub-setup
	$(BIN)/python -m secnb validate
	$(BIN)/python -m pytest tests notebooks $(NBVAL)

# the notebooks' time to learn is computed from their content first, so notebook 00's map shows it
notebooks: bytecode
	$(BIN)/python -m secnb minutes --write >/dev/null
	$(BIN)/python -m secnb execute notebooks/*.ipynb

# the course website: staged from the committed notebooks (never re-executed) and built with
# Sphinx, myst-nb and sphinx-book-theme, warnings as errors; REPO=... sets the launch buttons' repository
site: bytecode
	$(BIN)/python -m secnb site _build/site $(if $(REPO),--repo $(REPO),) $(if $(HUB),--hub $(HUB),)

bench: bytecode hub-setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache tests/artifacts _build
