global using ApprenticeTracker.Domain.Common;
global using ApprenticeTracker.Domain.Enrolments;
global using ApprenticeTracker.Domain.Evidence;
global using ApprenticeTracker.Domain.Organisations;
global using ApprenticeTracker.Domain.People;
global using ApprenticeTracker.Domain.Progress;
global using ApprenticeTracker.Domain.Standards;
global using ApprenticeTracker.Domain.Tests.Builders;
