ARG base
FROM ${base}
ARG motd
# What a real stack installs from [build.args] packages; here only a marker, since no package can be fetched.
RUN echo "${motd}" > /etc/stack-build
